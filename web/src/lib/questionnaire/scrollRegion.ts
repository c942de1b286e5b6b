// A table wrapper that has to scroll sideways (many Handlungsfelder, long statements) joins the
// tab order as a named region, so keyboard users can scroll it (WCAG 2.1.1; axe-core's
// "scrollable-region-focusable"). Wrappers that fit stay out of the tab order: a results page
// has dozens of tables and should not cost as many tab stops.
export function scrollRegion(node: HTMLElement, label: string) {
  let name = label;
  const update = () => {
    if (node.scrollWidth > node.clientWidth + 1) {
      node.tabIndex = 0;
      node.setAttribute('role', 'region');
      node.setAttribute('aria-label', name);
    } else {
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
      node.removeAttribute('aria-label');
    }
  };
  const observer = new ResizeObserver(update);
  observer.observe(node);
  if (node.firstElementChild) observer.observe(node.firstElementChild);
  update();
  return {
    update(next: string) {
      name = next;
      update();
    },
    destroy() {
      observer.disconnect();
    },
  };
}
