// The bench's baseline: a bare Next route handler (no database, no session, no validation) that
// reads a JSON body and answers JSON, as an append does. Never shipped; `npm run bench` builds it.
export async function POST(request) {
  const body = await request.json();
  return Response.json({ ok: true, echo: typeof body }, { status: 201 });
}

export function GET() {
  return Response.json({ ok: true });
}
