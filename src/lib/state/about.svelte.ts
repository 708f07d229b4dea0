/**
 * "About the data" is reachable in one click from every number ("Källa"/"Kilde"/"Source"): any
 * component calls openSource(id) and the dialog opens at that source.
 */
class AboutRequest {
  /** Bumped on every request so asking for the same source twice still reopens the dialog. */
  serial = $state(0);
  sourceId = $state<string | null>(null);
}

export const aboutRequest = new AboutRequest();

export function openSource(sourceId: string | null = null) {
  aboutRequest.sourceId = sourceId;
  aboutRequest.serial++;
}
