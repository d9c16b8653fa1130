import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../db/tenant.js";
import { changeLog } from "../../platform/audit/audit.schema.js";
import { systemActor } from "../../platform/permissions/permissions.js";
import type { ClusterContext } from "../../server/context.js";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { documents } from "./documents.schema.js";
import { addDocument, deleteDocument, getDocument, listDocuments } from "./documents.service.js";

/** The documents service as other modules use it (working groups' deliverables, occurrences' minutes). */
let t: TestApp;
let a: ClusterContext;
let b: ClusterContext;
const groupId = randomUUID();
const bytes = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  t = await createTestApp();
  const ca = await t.cluster();
  const cb = await t.cluster();
  a = { db: t.database.db, clusterId: ca.id, actor: { ...systemActor("Claire Animatrice"), userId: null } };
  b = { db: t.database.db, clusterId: cb.id, actor: systemActor("Intrus") };
});
afterAll(async () => t?.close());

describe(`documents on ${testDatabaseKind}`, () => {
  let id: string;

  it("adds a document to an owner, titled after the file when no title is given, and records it", async () => {
    const doc = await addDocument(a, {
      ownerType: "working_group",
      ownerId: groupId,
      kind: "deliverable",
      title: "  ",
      file: { name: "C:\\Users\\claire\\Conditions générales.docx", bytes: bytes("PK modèle") },
    });
    id = doc.id;
    expect(doc).toMatchObject({
      title: "Conditions générales",
      kind: "deliverable",
      fileName: "Conditions générales.docx",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      sizeBytes: bytes("PK modèle").byteLength,
      uploadedBy: "Claire Animatrice",
    });
    const log = await withTenant(t.database.db, a.clusterId, (tx) => tx.select().from(changeLog));
    expect(log.map((e) => [e.entityType, e.entityId, e.action])).toContainEqual([
      "working_group",
      groupId,
      "document.add",
    ]);
  });

  it("lists an owner's documents without their content, and gives one back with it", async () => {
    await addDocument(a, {
      ownerType: "working_group",
      ownerId: groupId,
      kind: "template",
      title: "Modèle de devis",
      file: { name: "devis.xlsx", bytes: bytes("PK devis") },
    });
    const list = await listDocuments(a, "working_group", groupId);
    expect(list.map((d) => d.title).sort()).toEqual(["Conditions générales", "Modèle de devis"]);
    expect(list[0]).not.toHaveProperty("content");
    const doc = await getDocument(a, "working_group", groupId, id);
    expect(new TextDecoder().decode(doc.content)).toBe("PK modèle");
    expect(await listDocuments(a, "working_group", randomUUID())).toEqual([]);
  });

  it("refuses empty, oversized and unexpected files with 422 naming the field", async () => {
    const add = (name: string, data: Uint8Array, kind = "other") =>
      addDocument(a, {
        ownerType: "working_group",
        ownerId: groupId,
        kind: kind as "other",
        file: { name, bytes: data },
      });
    await expect(add("vide.pdf", new Uint8Array())).rejects.toMatchObject({
      status: 422,
      fields: [{ field: "file", message: "Le fichier est vide" }],
    });
    await expect(add("gros.pdf", new Uint8Array(10 * 1024 * 1024 + 1))).rejects.toMatchObject({
      status: 422,
      fields: [{ field: "file", message: expect.stringMatching(/10 Mo/) }],
    });
    await expect(add("page.html", bytes("<script>"))).rejects.toMatchObject({
      fields: [{ field: "file", message: expect.stringMatching(/non accepté \(\.html\)/) }],
    });
    await expect(add("a.pdf", bytes("%PDF"), "secret")).rejects.toMatchObject({ fields: [{ field: "kind" }] });
  });

  it("answers 404 for another owner's or another cluster's document, which row-level security hides too", async () => {
    await expect(getDocument(a, "working_group", randomUUID(), id)).rejects.toMatchObject({ status: 404 });
    await expect(getDocument(a, "event_occurrence", groupId, id)).rejects.toMatchObject({ status: 404 });
    await expect(getDocument(b, "working_group", groupId, id)).rejects.toMatchObject({ status: 404 });
    await expect(deleteDocument(b, "working_group", groupId, id)).rejects.toMatchObject({ status: 404 });
    expect(await withTenant(t.database.db, b.clusterId, (tx) => tx.select().from(documents))).toEqual([]);
  });

  it("deletes a document", async () => {
    await deleteDocument(a, "working_group", groupId, id);
    await expect(getDocument(a, "working_group", groupId, id)).rejects.toMatchObject({ status: 404 });
    expect((await listDocuments(a, "working_group", groupId)).map((d) => d.title)).toEqual(["Modèle de devis"]);
  });
});
