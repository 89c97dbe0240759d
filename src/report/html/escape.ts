/** The characters that could end a text node or an attribute value, as entities. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text from the scenario (a name, a label) made safe inside HTML text and quoted attributes:
 * a client called `<script>` shows as itself and runs nothing.
 * @example escapeHtml('Bakkerij "De <Korst>"') // 'Bakkerij &quot;De &lt;Korst&gt;&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
