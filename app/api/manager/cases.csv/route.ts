import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { prepareQueueCsv, toByteStream } from "@/lib/manager/export-queue-csv";
import { searchParamsToObject } from "@/lib/manager/filters";
import { localDate } from "@/lib/manager/time";

/** The filtered queue as a CSV download, streamed in batches (same query string as /manager/cases). */
export const GET = handle(async (request: Request) => {
  const actor = await requireActor("manager.desk");
  const query = searchParamsToObject(new URL(request.url).searchParams);
  const { count, chunks } = await prepareQueueCsv(await getDb(), actor, query);
  return new Response(toByteStream(chunks), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="cases-${localDate(new Date())}.csv"`,
      "cache-control": "no-store",
      "x-case-count": String(count),
    },
  });
});
