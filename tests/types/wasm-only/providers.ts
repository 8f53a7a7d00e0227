// composio-wasm's provider subpaths whose official counterparts need zod 4 (installed only in
// tests/js/fixtures/zod4-providers), and a hand-written provider class.
import { BaseAgenticProvider, Composio, type ExecuteToolFn, type Tool } from '@composio/core';
import { OpenAIAgentsProvider } from '../../../pkg/providers/openai-agents.js';
import { GoogleProvider } from '../../../pkg/providers/google.js';
import { ClaudeAgentSDKProvider, type ClaudeAgentTool } from '../../../pkg/providers/claude-agent-sdk.js';
import { Agent, type FunctionTool } from '@openai/agents';
import { createSdkMcpServer } from '@anthropic-ai/claude-agent-sdk';
import { GoogleGenAI } from '@google/genai';

const agents = new Composio({ apiKey: 'ak_test', provider: new OpenAIAgentsProvider({ strict: true }) });
const tools: FunctionTool[] = await (await agents.create('user_1')).tools();
new Agent({ name: 'assistant', instructions: 'help', tools });

const claude = new Composio({ apiKey: 'ak_test', provider: new ClaudeAgentSDKProvider() });
const claudeTools: ClaudeAgentTool[] = await (await claude.create('user_1')).tools();
const mcpServer = createSdkMcpServer({ name: 'composio', version: '1.0.0', tools: await claude.tools.get('user_1', 'GMAIL_SEND_EMAIL') });
console.log(claudeTools[0]?.name, mcpServer.type, claude.provider.name satisfies 'claude-agent-sdk');

const google = new Composio({ apiKey: 'ak_test', provider: new GoogleProvider() });
const declarations = await google.tools.get('user_1', 'GMAIL_SEND_EMAIL');
const first: string | undefined = declarations[0]?.parameters?.type;
await new GoogleGenAI({ apiKey: 'k' }).models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi', config: { tools: [{ functionDeclarations: declarations }] } });
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
