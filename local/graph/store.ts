// Posted messages and replies, kept durably as JSON lines in ${dataDir}/graph-messages.jsonl: one
// appended line per post, read back on start. Append-only suits a channel (messages are not edited
// here) and needs no native module.
import fs from 'node:fs';
import path from 'node:path';

export interface SinkUser {
  id: string;
  displayName: string;
}

export interface ChatMessage {
  id: string;
  replyToId: string | null;
  etag: string;
  messageType: 'message';
  createdDateTime: string;
  lastModifiedDateTime: string;
  lastEditedDateTime: null;
  deletedDateTime: null;
  subject: string | null;
  summary: null;
  chatId: null;
  importance: 'normal';
  locale: 'en-us';
  webUrl: string;
  from: { application: null; device: null; user: SinkUser & { '@odata.type': string; userIdentityType: 'aadUser'; tenantId: string } };
  body: { contentType: string; content: string };
  channelIdentity: { teamId: string; channelId: string };
  attachments: { id: string; contentType: string; contentUrl: string | null; content: string | null; name: string | null; thumbnailUrl: string | null }[];
  mentions: [];
  reactions: [];
}

interface Line {
  teamId: string;
  channelId: string;
  message: ChatMessage;
}

export const LOCAL_TENANT_ID = '00000000-0000-4000-8000-00000000beef';

export class MessageStore {
  private readonly file: string | undefined;
  private readonly lines: Line[] = [];
  private lastId = 0;

  public constructor(dataDir: string | undefined) {
    if (!dataDir) return;
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'graph-messages.jsonl');
    if (!fs.existsSync(this.file)) return;
    for (const text of fs.readFileSync(this.file, 'utf8').split('\n')) {
      if (!text.trim()) continue;
      try {
        const line = JSON.parse(text) as Line;
        this.lines.push(line);
        this.lastId = Math.max(this.lastId, Number(line.message.id) || 0);
      } catch {
        // A line cut short by a crash mid-append: the rest of the file is still good.
      }
    }
  }

  /** Graph message ids are the creation time in epoch milliseconds; kept strictly increasing here. */
  private nextId(): string {
    this.lastId = Math.max(Date.now(), this.lastId + 1);
    return String(this.lastId);
  }

  public add(teamId: string, channelId: string, parentId: string | undefined, from: SinkUser, body: ChatMessage['body'], attachments: ChatMessage['attachments'], subject?: string): ChatMessage {
    const id = this.nextId();
    const now = new Date(Number(id)).toISOString();
    const threadId = parentId || id;
    const message: ChatMessage = {
      id,
      replyToId: parentId || null,
      etag: id,
      messageType: 'message',
      createdDateTime: now,
      lastModifiedDateTime: now,
      lastEditedDateTime: null,
      deletedDateTime: null,
      subject: subject || null,
      summary: null,
      chatId: null,
      importance: 'normal',
      locale: 'en-us',
      webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${id}?groupId=${teamId}&parentMessageId=${threadId}`,
      from: { application: null, device: null, user: { '@odata.type': '#microsoft.graph.teamworkUserIdentity', ...from, userIdentityType: 'aadUser', tenantId: LOCAL_TENANT_ID } },
      body,
      channelIdentity: { teamId, channelId },
      attachments,
      mentions: [],
      reactions: [],
    };
    const line: Line = { teamId, channelId, message };
    if (this.file) fs.appendFileSync(this.file, JSON.stringify(line) + '\n');
    this.lines.push(line);
    return message;
  }

  /** Top-level messages of a channel, oldest first. */
  public messages(teamId: string, channelId: string): ChatMessage[] {
    return this.lines.filter((l) => l.teamId === teamId && l.channelId === channelId && !l.message.replyToId).map((l) => l.message);
  }

  public find(teamId: string, channelId: string, messageId: string): ChatMessage | undefined {
    return this.messages(teamId, channelId).filter((m) => m.id === messageId)[0];
  }

  /** Replies to a message, oldest first. */
  public replies(teamId: string, channelId: string, messageId: string): ChatMessage[] {
    return this.lines.filter((l) => l.teamId === teamId && l.channelId === channelId && l.message.replyToId === messageId).map((l) => l.message);
  }
}
