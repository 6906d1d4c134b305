// The teams and channels of the local tenant. Ids are shaped like Graph's (a group GUID, "19:…@thread.tacv2")
// so code that encodes them for URLs is exercised as it will be in production.

export interface SinkChannel {
  id: string;
  displayName: string;
  description: string;
  membershipType: 'standard' | 'private' | 'shared';
}

export interface SinkTeam {
  id: string;
  displayName: string;
  description: string;
  channels: SinkChannel[];
}

export const DEMO_TEAM_ID = '2f7a9c41-6b1e-4d8a-9e3f-5c0d8b7a6e21';
export const DEMO_TASKFORCE_CHANNEL_ID = '19:taskforce0a1b2c3d4e5f60718293a4b5c6d7e8@thread.tacv2';
export const DEMO_GENERAL_CHANNEL_ID = '19:general9f8e7d6c5b4a39281706f5e4d3c2b1a0@thread.tacv2';

export const DEMO_TEAMS: readonly SinkTeam[] = [
  {
    id: DEMO_TEAM_ID,
    displayName: 'West Midlands Social Value Taskforce (demo)',
    description: 'A fictional team on this machine: cards posted here go nowhere else.',
    channels: [
      { id: DEMO_GENERAL_CHANNEL_ID, displayName: 'General', description: 'The team’s general channel.', membershipType: 'standard' },
      { id: DEMO_TASKFORCE_CHANNEL_ID, displayName: 'Taskforce', description: 'Success cards and taskforce updates.', membershipType: 'standard' },
    ],
  },
];
