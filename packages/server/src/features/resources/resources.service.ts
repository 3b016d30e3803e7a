import type { Resources } from "@cairn/core";
import { ResourcesFileError } from "./resources.repository.ts";

/** Only English files exist so far; the member's language setting will choose here later. */
export const RESOURCES_LANGUAGE = "en";

/** The validated resources, held in memory: help must load even when the database is slow or down. */
export class ResourcesService {
  private readonly byKey = new Map<string, Resources>();
  private readonly fallback: Resources;

  constructor(files: readonly Resources[], defaultRegion: string) {
    for (const file of files) this.byKey.set(`${file.region}.${file.language}`, file);
    const fallback = this.byKey.get(`${defaultRegion}.${RESOURCES_LANGUAGE}`);
    if (!fallback) {
      throw new ResourcesFileError(
        `No resources for DEFAULT_REGION "${defaultRegion}": add ${defaultRegion}.${RESOURCES_LANGUAGE}.json to RESOURCES_DIR`,
      );
    }
    this.fallback = fallback;
  }

  /** The resources for a region, or the default region's when the operator has none for it. */
  forRegion(region: string | undefined): Resources {
    return (region && this.byKey.get(`${region}.${RESOURCES_LANGUAGE}`)) || this.fallback;
  }
}
