// Imports the package by name, as an application would. tests/js/types.test.mjs compiles this
// against a file: link to pkg/ under moduleResolution bundler, node16 and nodenext, with
// skipLibCheck off (so pkg/index.d.ts itself is checked too).
import {
  Composio,
  SessionPreset,
  ValidationError,
  APIError,
  type Session,
  type SessionWithoutMcp,
  type ToolRouterCreateSessionConfig,
} from 'composio-wasm';

const config: ToolRouterCreateSessionConfig = {
  toolkits: ['gmail'],
  sessionPreset: SessionPreset.DIRECT_TOOLS,
};
const composio = new Composio({ apiKey: 'ak_test' });

export async function start(): Promise<string> {
  try {
    const withMcp: Session = await composio.create('user_1', { ...config, mcp: true });
    const plain: SessionWithoutMcp = await composio.create('user_1', config);
    const tools = await plain.tools();
    return `${withMcp.mcp.url} ${tools.length}`;
  } catch (err) {
    if (err instanceof ValidationError) return err.issues.map(i => i.message).join('\n');
    if (err instanceof APIError) return String(err.status);
    throw err;
  }
}
