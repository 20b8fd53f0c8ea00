import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

/** An output item paired with every input item it stands for (several when one tokenId came twice). */
export function outputItem(json: IDataObject, itemIndexes: number[]): INodeExecutionData {
	const pairedItem: IPairedItemData | IPairedItemData[] =
		itemIndexes.length === 1 ? { item: itemIndexes[0] } : itemIndexes.map((item) => ({ item }));
	return { json, pairedItem };
}
