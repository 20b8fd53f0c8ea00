import type { AxiosResponse } from 'axios';

import type { AdAccountRecord, CreateAdAccountInput, SystemUserRecord } from '../../emulator/client';
import { newPage, type Body, type Harness, type TestPage } from './helpers';

/** A Page, an ad account linked to it and a system user with access: the paid API's cast (docs/meta-platform.md §3). */

export interface PaidSetup {
	page: TestPage;
	account: AdAccountRecord;
	systemUser: SystemUserRecord;
	/** `act_<id>` */
	act: string;
}

export async function newPaidSetup(h: Harness, account: CreateAdAccountInput = {}): Promise<PaidSetup> {
	const page = await newPage(h.control);
	const { account: created, systemUser } = await h.control.paid.newAdAccount([page.pageId], account);
	return { page, account: created, systemUser, act: `act_${created.adAccountId}` };
}

/** A subscriber who opted in to marketing messages: their subscription token (docs/meta-platform.md §3.1). */
export async function subscriber(h: Harness, setup: PaidSetup, region?: string): Promise<{ psid: string; token: string }> {
	const { psid } = await h.control.createSubscriber(setup.page.pageId, { region });
	const issued = await h.control.issueToken(setup.page.pageId, { psid, type: 'marketing', payload: 'DEALS', title: 'Weekly deals' });
	return { psid, token: issued.token };
}

/** `POST /act_<id>/<edge>` with the system user's token as a Bearer header (docs/meta-platform.md §3.3, §3.4). */
export function postAct(h: Harness, setup: PaidSetup, edge: string, body: Body, token = setup.systemUser.token): Promise<AxiosResponse> {
	return h.graph.post(`/v25.0/${setup.act}/${edge}`, body, { headers: { Authorization: `Bearer ${token}` } });
}

export function getAs(h: Harness, token: string, path: string, params: Record<string, string> = {}): Promise<AxiosResponse> {
	return h.graph.get(`/v25.0${path}`, { params, headers: { Authorization: `Bearer ${token}` } });
}

export async function createCampaign(h: Harness, setup: PaidSetup, body: Body = {}): Promise<string> {
	const response = await postAct(h, setup, 'message_campaign', { name: 'Spring sale', page_id: setup.page.pageId, ...body });
	expect(response.status).toBe(200);
	return (response.data as { id: string }).id;
}

export function paidMessage(campaignId: string, token: string, extra: Body = {}): Body {
	return { message_id: campaignId, messenger_delivery_data: { subscription_token: token }, message: { text: 'Spring sale: 20% off' }, ...extra };
}

export function sendPaid(h: Harness, setup: PaidSetup, campaignId: string, token: string, extra: Body = {}): Promise<AxiosResponse> {
	return postAct(h, setup, 'messages', paidMessage(campaignId, token, extra));
}

/** Unix seconds, as the paid API takes times (docs/meta-platform.md §3.3). */
export async function unixNow(h: Harness, offsetMs = 0): Promise<number> {
	return Math.floor(((await h.control.clock()).now + offsetMs) / 1000);
}
