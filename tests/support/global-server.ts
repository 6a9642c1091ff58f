/** One demo server per test project, shared by its test files; its address reaches tests through inject("baseUrl"). */
import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { startTestServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    serverDbFile: string;
    serverUploadDir: string;
  }
}

export default async function setup(project: TestProject) {
  fs.mkdirSync("tmp", { recursive: true });
  const server = await startTestServer();
  project.provide("baseUrl", server.url);
  project.provide("serverDbFile", server.dbFile);
  project.provide("serverUploadDir", server.uploadDir);
  return async () => {
    await server.stop();
  };
}
