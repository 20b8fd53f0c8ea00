import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

export function readCampaignId(context: IExecuteFunctions, itemIndex: number): string {
	// extractValue: a picked campaign's ID, or the plain ID a workflow saved before the picker.
	const campaignId = String(context.getNodeParameter('campaignId', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (/^\d+$/.test(campaignId)) return campaignId;
	throw new NodeOperationError(context.getNode(), campaignId ? `"${campaignId.slice(0, 40)}" is not a campaign ID` : 'The campaign ID is empty', {
		itemIndex,
		description: "Map the ID Create put out, e.g. {{ $json.campaignId }}, or paste the campaign's ID from Meta Ads Manager (digits only).",
	});
}
