export function KeysPage() {
  return (
    <section className="page" aria-labelledby="keys-title">
      <h2 id="keys-title">Keys</h2>
    </section>
  );
}
