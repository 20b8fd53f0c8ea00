import type { EmulatorState } from '../state/emulatorState';
import { requiredNumber } from './bodyFields';
import type { ClockView } from './controlTypes';
import { route, type ControlRoute } from './controlRoute';

/** Whole-emulator state: reset, the clock, settings. */

function clockView(state: EmulatorState): ClockView {
	const now = state.clock.now();
	return { now, nowIso: new Date(now).toISOString(), offsetMs: state.clock.offset };
}

export const stateRoutes: ControlRoute[] = [
	route('GET', '/health', () => ({ ok: true })),

	route('POST', '/reset', (state) => {
		state.reset();
		return { reset: true };
	}),

	route('GET', '/clock', (state) => clockView(state)),

	// Moves the emulator clock forward only: windows, expiry and cool-downs never run backwards.
	route('POST', '/clock', (state, { body }) => {
		state.clock.advance(requiredNumber(body, 'advanceMs'));
		return clockView(state);
	}),

	route('GET', '/settings', (state) => state.settings),

	route('PUT', '/settings', (state, { body }) => {
		state.settings = { ...state.settings, marketingCooldownMs: requiredNumber(body, 'marketingCooldownMs') };
		return state.settings;
	}),
];
