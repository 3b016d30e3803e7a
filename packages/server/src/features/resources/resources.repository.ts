/**
 * The operator-editable crisis and overdose resources: one JSON file per region and language in RESOURCES_DIR
 * (`us.en.json`). Every file is read and validated once at start; a mistake stops the server with a message
 * naming the file and the field, because a wrong crisis number must never be served quietly.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { fieldErrors, type Resources, resourcesSchema } from "@cairn/core";

const FILE_NAME = /^([a-z]{2,8})\.([a-z]{2})\.json$/;

export class ResourcesFileError extends Error {}

export async function loadResourceFiles(dir: string): Promise<Resources[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    throw new ResourcesFileError(`RESOURCES_DIR ${dir} cannot be read; it should hold files like us.en.json`);
  }
  const loaded: Resources[] = [];
  for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
    const file = path.join(dir, name);
    const named = FILE_NAME.exec(name);
    if (!named) {
      throw new ResourcesFileError(
        `Resources file ${file}: name it <region>.<language>.json in lower case, like us.en.json`,
      );
    }
    let data: unknown;
    try {
      data = JSON.parse(await fs.readFile(file, "utf8"));
    } catch (error) {
      throw new ResourcesFileError(
        `Resources file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const parsed = resourcesSchema.safeParse(data);
    if (!parsed.success) {
      const problems = Object.entries(fieldErrors(parsed.error.issues)).map(
        ([field, message]) => `${field}: ${message}`,
      );
      throw new ResourcesFileError(`Resources file ${file} is invalid: ${problems.join("; ")}`);
    }
    const [, region, language] = named;
    if (parsed.data.region !== region || parsed.data.language !== language) {
      throw new ResourcesFileError(
        `Resources file ${file} is invalid: region and language must match the file name (region "${region}", language "${language}")`,
      );
    }
    loaded.push(parsed.data);
  }
  return loaded;
}
