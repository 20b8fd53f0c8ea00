// Package entry. n8n itself loads the files listed under "n8n" in package.json; this entry lets
// other code require the compiled classes by name.
module.exports = {
	MessengerOtnPageApi: require('./dist/credentials/MessengerOtnPageApi.credentials').MessengerOtnPageApi,
	MessengerOtnMarketingApi: require('./dist/credentials/MessengerOtnMarketingApi.credentials').MessengerOtnMarketingApi,
	MessengerOtn: require('./dist/nodes/MessengerOtn/MessengerOtn.node').MessengerOtn,
	MessengerOtnTrigger: require('./dist/nodes/MessengerOtnTrigger/MessengerOtnTrigger.node').MessengerOtnTrigger,
	OtnTokenStore: require('./dist/nodes/OtnTokenStore/OtnTokenStore.node').OtnTokenStore,
	OtnBroadcast: require('./dist/nodes/OtnBroadcast/OtnBroadcast.node').OtnBroadcast,
};
