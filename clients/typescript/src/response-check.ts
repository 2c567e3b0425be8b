// Checks real answers against td's OpenAPI document: the status must be documented for the
// operation, and the body must validate against the documented schema, with no property the
// document does not name (every object schema gets unevaluatedProperties: false here, which the
// published document leaves out so that td may add fields without breaking clients).
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ValidateFunction } from "ajv";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Checked {
  operation: string;
  status: number;
}

export class ResponseCheck {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  readonly checked: Checked[] = [];
  readonly failures: string[] = [];

  constructor(private readonly doc: JsonObject) {
    addFormats(this.ajv);
    const components = structuredClone(doc["components"]) as JsonObject;
    closeObjects(components["schemas"] as Json);
    this.ajv.addSchema({ $id: "td", components }, "td");
  }

  /** Every operation of the document: "METHOD /path" → operationId. */
  operations(): Map<string, string> {
    const ops = new Map<string, string>();
    for (const [path, item] of Object.entries(this.doc["paths"] as JsonObject)) {
      for (const [method, op] of Object.entries(item as JsonObject)) {
        ops.set(`${method.toUpperCase()} ${path}`, (op as JsonObject)["operationId"] as string);
      }
    }
    return ops;
  }

  /** Validates one answer; a failure is recorded (and reported at the end), not thrown. */
  check(method: string, pathTemplate: string, status: number, contentType: string, body: unknown): void {
    const op = ((this.doc["paths"] as JsonObject)[pathTemplate] as JsonObject | undefined)?.[method.toLowerCase()] as
      | JsonObject
      | undefined;
    const where = `${method.toUpperCase()} ${pathTemplate} → ${status}`;
    if (op === undefined) {
      this.failures.push(`${where}: no such operation in the document`);
      return;
    }
    this.checked.push({ operation: op["operationId"] as string, status });
    let response = (op["responses"] as JsonObject)[String(status)] as JsonObject | undefined;
    if (response === undefined) {
      this.failures.push(`${where}: status ${status} is not documented for ${op["operationId"]}`);
      return;
    }
    if (typeof response["$ref"] === "string") {
      response = this.resolve(response["$ref"]) as JsonObject;
    }
    const mediaType = contentType.split(";")[0]!.trim();
    const media = (response["content"] as JsonObject | undefined)?.[mediaType] as JsonObject | undefined;
    if (media === undefined) {
      this.failures.push(`${where}: content type ${mediaType} is not documented`);
      return;
    }
    const ref = (media["schema"] as JsonObject)["$ref"];
    if (typeof ref !== "string") {
      return; // a file's bytes (application/zip): its documented media type is what there is to check
    }
    const validate = this.validator(ref);
    if (!validate(body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 8)
        .map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`);
      this.failures.push(`${where}: the body does not match ${ref}:\n    ${errors.join("\n    ")}`);
    }
  }

  private validator(ref: string): ValidateFunction {
    let v = this.validators.get(ref);
    if (v === undefined) {
      v = this.ajv.getSchema("td" + ref);
      if (v === undefined) {
        throw new Error(`${ref} does not resolve`);
      }
      this.validators.set(ref, v);
    }
    return v;
  }

  private resolve(ref: string): Json {
    let node: Json = this.doc;
    for (const part of ref.replace(/^#\//, "").split("/")) {
      node = (node as JsonObject)[part.replace(/~1/g, "/").replace(/~0/g, "~")] as Json;
    }
    return node;
  }
}

/** Adds unevaluatedProperties: false to every object schema that names its properties and says nothing about others. */
function closeObjects(node: Json): void {
  if (Array.isArray(node)) {
    node.forEach(closeObjects);
  } else if (node !== null && typeof node === "object") {
    if (typeof node["properties"] === "object" && !("additionalProperties" in node)) {
      node["unevaluatedProperties"] = false;
    }
    Object.values(node).forEach(closeObjects);
  }
}
