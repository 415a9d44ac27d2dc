/**
 * Downloads an API file (exports need the Bearer header, so a plain link cannot fetch them):
 * fetch → Blob → a temporary <a download> with the server's filename.
 */
export async function downloadFromApi(path: string, key: string): Promise<void> {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${key}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
  }
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'shellboard-export';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
