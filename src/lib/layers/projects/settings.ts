/** URL-serialised settings of the projects layer. */
import type { SettingsCodec } from '../settingsCodec';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProjectsSettings {}

export const projectsSettings: SettingsCodec<ProjectsSettings> = {
  defaults: {},
  read: (_params, fallback) => fallback,
  write: () => undefined,
};
