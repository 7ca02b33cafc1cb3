/**
 * A ref callback for a control that may vanish under the user's cursor (another admin revoked
 * the key, and its actions go): if it holds focus when React removes it, focus moves to
 * `fallback(node)` instead of dropping to the page's body. Create it once, at module level: a
 * new callback on every render would run the hand-off on every render.
 */
export function handOffFocus(fallback: (node: HTMLElement) => HTMLElement | null | undefined) {
  return (node: HTMLElement | null) => {
    if (!node) return;
    // React 19 runs this cleanup while the node is still in the document.
    return () => {
      if (node.ownerDocument.activeElement === node) fallback(node)?.focus();
    };
  };
}
