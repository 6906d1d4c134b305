// The local Microsoft Graph sink (taskforce channel) and its demo tenant.
export { createGraphSink } from './sink';
export type { GraphSink, GraphSinkOptions } from './sink';
export type { GraphFaults } from './faults';
export { parseFaults } from './faults';
export { DEMO_TEAMS, DEMO_TEAM_ID, DEMO_TASKFORCE_CHANNEL_ID, DEMO_GENERAL_CHANNEL_ID } from './demo';
export type { SinkTeam, SinkChannel } from './demo';
export type { ChatMessage, SinkUser } from './store';
