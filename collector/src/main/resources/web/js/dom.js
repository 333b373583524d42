// Builds DOM nodes. Data from the API only ever becomes text (textContent, text nodes,
// properties such as title): never markup.

/**
 * Creates an element.
 * options: className, text, title, dataset, attributes (for fixed attribute names), on (listeners).
 * children: nodes or strings (strings become text nodes); null and false are skipped.
 */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  const { className, text, title, dataset, attributes, on } = options;
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (title) node.title = title;
  if (dataset) Object.assign(node.dataset, dataset);
  if (attributes) {
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  }
  if (on) {
    for (const [event, listener] of Object.entries(on)) node.addEventListener(event, listener);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** Replaces everything inside node with the given children. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
}

export function show(node, visible) {
  node.hidden = !visible;
}
