/**
 * el('button', { type: 'button', onclick: tap }, 'Send'): builds an element. Children are nodes
 * or text, never HTML, so nothing a subscriber or a Page sends can inject markup.
 */
export function el(tag, props = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(props)) {
		if (value === undefined || value === null || value === false) continue;
		if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
		else if (name === 'class') node.className = value;
		else node.setAttribute(name, value === true ? '' : String(value));
	}
	for (const child of children.flat()) {
		if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
	}
	return node;
}
