// composio-wasm's provider subpaths that have no installable official counterpart here
// (@composio/openai-agents needs zod 4), and a hand-written provider class.
import { BaseAgenticProvider, Composio, type ExecuteToolFn, type Tool } from '@composio/core';
import { OpenAIAgentsProvider } from '../../../pkg/providers/openai-agents.js';
import { GoogleProvider } from '../../../pkg/providers/google.js';
import { Agent, type FunctionTool } from '@openai/agents';

const agents = new Composio({ apiKey: 'ak_test', provider: new OpenAIAgentsProvider() });
const tools: FunctionTool[] = await (await agents.create('user_1')).tools();
new Agent({ name: 'assistant', instructions: 'help', tools });

const google = new Composio({ apiKey: 'ak_test', provider: new GoogleProvider() });
const declarations = await google.tools.get('user_1', 'GMAIL_SEND_EMAIL');
const first: string | undefined = declarations[0]?.parameters.type;
console.log(first, await google.provider.executeToolCall('user_1', { name: 'X', args: {} }));

class Echo extends BaseAgenticProvider<Array<() => Promise<unknown>>, () => Promise<unknown>> {
  readonly name = 'echo';
  wrapTool(tool: Tool, execute: ExecuteToolFn) {
    return () => execute(tool.slug, {});
  }
  wrapTools(tools: Tool[], execute: ExecuteToolFn) {
    return tools.map(t => this.wrapTool(t, execute));
  }
}
const echo = new Composio({ apiKey: 'ak_test', provider: new Echo() });
const runs: Array<() => Promise<unknown>> = await (await echo.create('user_1')).tools({ afterExecute: ({ result }) => result });
console.log(runs.length);
