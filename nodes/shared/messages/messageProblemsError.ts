import { NodeOperationError, type INode } from 'n8n-workflow';

import type { MessageProblem } from './messageProblem';

/** The item error for a message Messenger would refuse: the first problem, then all of them and what to do. */
export function messageProblemsError(node: INode, problems: MessageProblem[], itemIndex: number): NodeOperationError {
	const [first, ...others] = problems;
	const message = others.length === 0 ? first.message : `${first.message} (and ${others.length} more)`;
	const list = problems.map((problem) => `- ${problem.message}`).join('\n');
	return new NodeOperationError(node, message, {
		itemIndex,
		description: `Nothing was sent: Messenger would refuse this message. Change these parameters and run again:\n${list}`,
	});
}
