export function WorkbenchPage() {
  return (
    <section className="page" aria-labelledby="workbench-title">
      <h2 id="workbench-title">Workbench</h2>
    </section>
  );
}
