// Which toolkits and tools a session allows (spec A6.1), from its stored request-side settings.
//
// Rules, where the spec leaves room:
// - `toolkits: {enable: []}` (what the SDK sends for `toolkits: []`) is no filter at all.
// - A per-toolkit `tools` filter narrows a toolkit the `toolkits` filter already allows; it does
//   not enable a toolkit on its own.
// - A per-toolkit `enable` list is explicit and ignores tags; `disable` removes tools and then
//   the tag filters still apply. Per-toolkit `tags` replace the global `tags` for that toolkit.

const lower = list => (list ?? []).map(s => String(s).toLowerCase());
const upper = list => (list ?? []).map(s => String(s).toUpperCase());

/** Global or per-toolkit tags, request-side: an array means the enable list. */
const normalTags = tags => (Array.isArray(tags) ? { enable: tags } : tags ?? {});

function passesTags(toolTags, tags) {
  const { enable, disable } = normalTags(tags);
  if (enable?.length && !toolTags.some(t => enable.includes(t))) return false;
  if (disable?.length && toolTags.some(t => disable.includes(t))) return false;
  return true;
}

export function toolkitEnabled(settings, slug) {
  const f = settings.toolkits;
  const s = String(slug).toLowerCase();
  if (f?.enable?.length) return lower(f.enable).includes(s);
  if (f?.disable) return !lower(f.disable).includes(s);
  return true;
}

/** The per-toolkit entry of `tools`, whatever case the config used for the toolkit key. */
function toolFilterFor(settings, toolkitSlug) {
  const entry = Object.entries(settings.tools ?? {}).find(([k]) => k.toLowerCase() === toolkitSlug);
  return entry?.[1];
}

/** Whether an app tool (a catalogue item) is allowed in a session with these settings. */
export function toolAllowed(settings, item) {
  if (!toolkitEnabled(settings, item.toolkit.slug)) return false;
  const f = toolFilterFor(settings, item.toolkit.slug);
  if (f?.enable) return upper(f.enable).includes(item.slug);
  if (f?.disable && upper(f.disable).includes(item.slug)) return false;
  return passesTags(item.tags, f?.tags !== undefined ? f.tags : settings.tags);
}

export const allowedTools = (catalog, settings) => catalog.tools.filter(item => toolAllowed(settings, item));

const PRELOAD_ALL_CAP = 1000;

/** The app tools `GET …/tools` lists besides the meta tools: the session's preloaded tools. */
export function preloadedTools(catalog, settings) {
  const preload = settings.preload?.tools;
  if (preload === 'all') return allowedTools(catalog, settings).slice(0, PRELOAD_ALL_CAP);
  const wanted = new Set(upper(preload));
  if (!wanted.size) return [];
  return catalog.tools.filter(item => wanted.has(item.slug) && toolAllowed(settings, item));
}
