// The trigger types of the emulator's toolkits (as many per toolkit as its `triggersCount`), in
// the wire shape of @composio/client's `TriggersTypeRetrieveResponse`. `config` is the JSON
// schema a trigger instance's `trigger_config` must satisfy; `sample` is the event `data` a
// fired trigger carries when the test gives none.

import { TOOLKITS } from './catalog-data.mjs';
import { logoOf } from './catalog.mjs';

const str = description => ({ type: 'string', description });
const int = (description, extra = {}) => ({ type: 'integer', description, ...extra });
const schema = (title, properties, required = []) => ({ title, type: 'object', properties, required });

// [slug, kind, name, description, config properties, required config, payload properties, sample]
const DEFS = {
  gmail: [
    ['GMAIL_NEW_GMAIL_MESSAGE', 'poll', 'New Gmail Message Received', 'Triggers when a new message is received in Gmail.',
      { interval: int('Periodic interval to check for updates & send a trigger in minutes', { default: 1 }), labelIds: str('Filter messages by a label'), userId: str('The user id of the authenticated user') },
      [], { message_id: str('The message id'), subject: str('Subject'), sender: str('Sender'), message_text: str('Body text') },
      { message_id: '18c0f6a1b2', subject: 'Hello from the emulator', sender: 'ada@example.com', message_text: 'Hi!' }],
    ['GMAIL_EMAIL_SENT_TRIGGER', 'poll', 'Email Sent', 'Triggers when an email is sent from the account.',
      { interval: int('Polling interval in minutes', { default: 1 }) }, [], { message_id: str('The message id'), to: str('Recipient') },
      { message_id: '18c0f6a1b3', to: 'bob@example.com' }],
  ],
  slack: [
    ['SLACK_RECEIVE_MESSAGE', 'webhook', 'New Message Received', 'Triggered when a new message is posted to a channel.',
      { channel: str('Channel id to listen to') }, [], { text: str('Message text'), channel: str('Channel'), user: str('Author') },
      { text: 'ship it', channel: 'C024BE91L', user: 'U2147483697' }],
    ['SLACK_REACTION_ADDED', 'webhook', 'Reaction Added', 'Triggered when a reaction is added to a message.',
      {}, [], { reaction: str('Emoji name'), user: str('Who reacted') }, { reaction: 'tada', user: 'U2147483697' }],
    ['SLACK_CHANNEL_CREATED', 'webhook', 'Channel Created', 'Triggered when a channel is created.',
      {}, [], { channel: { type: 'object', description: 'The new channel' } }, { channel: { id: 'C0NEW', name: 'launch' } }],
    ['SLACK_RECEIVE_DIRECT_MESSAGE', 'webhook', 'Direct Message Received', 'Triggered when the user receives a direct message.',
      {}, [], { text: str('Message text'), user: str('Author') }, { text: 'ping', user: 'U2147483697' }],
  ],
  github: [
    ['GITHUB_COMMIT_EVENT', 'webhook', 'Commit Event', 'Triggered when a new commit is pushed to a repository.',
      { owner: str('Owner of the repository'), repo: str('Repository name') }, ['owner', 'repo'],
      { author: str('Commit author'), id: str('Commit sha'), message: str('Commit message'), url: str('Commit URL') },
      { author: 'octocat', id: '6dcb09b5b57875f334f61aebed695e2e4193db5e', message: 'Fix all the bugs', url: 'https://github.com/octocat/hello/commit/6dcb09b' }],
    ['GITHUB_ISSUE_ADDED_EVENT', 'webhook', 'Issue Added Event', 'Triggered when a new issue is opened.',
      { owner: str('Owner of the repository'), repo: str('Repository name') }, ['owner', 'repo'],
      { action: str('Action'), issue_id: int('Issue id'), title: str('Title') }, { action: 'opened', issue_id: 1347, title: 'Found a bug' }],
    ['GITHUB_PULL_REQUEST_EVENT', 'webhook', 'Pull Request Event', 'Triggered when a pull request is opened, closed or merged.',
      { owner: str('Owner of the repository'), repo: str('Repository name') }, ['owner', 'repo'],
      { action: str('Action'), number: int('PR number') }, { action: 'opened', number: 42 }],
    ['GITHUB_STAR_ADDED_EVENT', 'webhook', 'Star Added Event', 'Triggered when a repository is starred.',
      { owner: str('Owner of the repository'), repo: str('Repository name') }, ['owner', 'repo'],
      { action: str('Action'), starred_by: str('User') }, { action: 'created', starred_by: 'hubot' }],
    ['GITHUB_LABEL_ADDED_EVENT', 'webhook', 'Label Added Event', 'Triggered when a label is added to an issue.',
      { owner: str('Owner of the repository'), repo: str('Repository name') }, ['owner', 'repo'],
      { label: str('Label'), issue_number: int('Issue') }, { label: 'bug', issue_number: 1347 }],
    ['GITHUB_FOLLOWER_EVENT', 'poll', 'New Follower', 'Triggered when the user gains a follower.',
      { interval: int('Polling interval in minutes', { default: 15 }) }, [], { follower: str('Login') }, { follower: 'monalisa' }],
  ],
  notion: [
    ['NOTION_PAGE_ADDED_TRIGGER', 'poll', 'Page Added', 'Triggered when a page is added to a database.',
      { database_id: str('The database to watch') }, ['database_id'], { page_id: str('New page id'), title: str('Title') },
      { page_id: '59833787-2cf9-4fdf-8782-e53db20768a5', title: 'Roadmap' }],
  ],
  googlecalendar: [
    ['GOOGLECALENDAR_EVENT_CREATED_TRIGGER', 'poll', 'Event Created', 'Triggered when an event is created.',
      { calendarId: str('Calendar id'), interval: int('Polling interval in minutes', { default: 1 }) }, [],
      { event_id: str('Event id'), summary: str('Summary') }, { event_id: 'evt_1', summary: 'Standup' }],
    ['GOOGLECALENDAR_EVENT_UPDATED_TRIGGER', 'poll', 'Event Updated', 'Triggered when an event changes.',
      { calendarId: str('Calendar id') }, [], { event_id: str('Event id') }, { event_id: 'evt_1' }],
    ['GOOGLECALENDAR_EVENT_STARTING_SOON_TRIGGER', 'poll', 'Event Starting Soon', 'Triggered shortly before an event starts.',
      { minutes_before: int('Minutes before the start', { default: 10 }) }, [], { event_id: str('Event id') }, { event_id: 'evt_2' }],
  ],
  linear: [
    ['LINEAR_ISSUE_CREATED_TRIGGER', 'webhook', 'Issue Created', 'Triggered when an issue is created.',
      { team_id: str('Team to watch') }, [], { issue_id: str('Issue id'), title: str('Title') }, { issue_id: 'LIN-7', title: 'Polish' }],
    ['LINEAR_COMMENT_EVENT_TRIGGER', 'webhook', 'Comment Event', 'Triggered when a comment is added.',
      {}, [], { comment_id: str('Comment id'), body: str('Text') }, { comment_id: 'c_1', body: 'LGTM' }],
  ],
};

/** Every trigger type, in catalogue order: `{ wire, toolkit, sample }`. */
export const TRIGGER_TYPES = TOOLKITS.flatMap(toolkit =>
  (DEFS[toolkit.slug] ?? []).map(([slug, type, name, description, configProps, required, payloadProps, sample]) => ({
    toolkit: toolkit.slug,
    sample,
    wire: {
      slug,
      name,
      description,
      instructions: `Create the trigger with a connected ${toolkit.name} account; events arrive as webhooks or over the realtime channel.`,
      type,
      toolkit: { slug: toolkit.slug, name: toolkit.name, logo: logoOf(toolkit.slug) },
      config: schema(`${name} config`, configProps, required),
      payload: schema(`${name} payload`, payloadProps),
      version: toolkit.version,
      requires_webhook_endpoint_setup: false,
    },
  }))
);

/** The type with this slug (case-insensitive), or undefined. */
export const findTriggerType = slug => TRIGGER_TYPES.find(t => t.wire.slug === String(slug).toUpperCase());
