import type { CompareReport } from '../../../../../main/contract/auth.ts';

/** The component-by-component difference between what the gateway expected and what was signed. */
export function CompareDiff({ report, verdict = report.matches }: { report: CompareReport; verdict?: boolean }) {
  // What was pasted can agree while the signature is still refused (equal base strings, another key): say so plainly, not "Matches.".
  const sameButRefused = report.matches && !verdict;
  return (
    <div className={sameButRefused ? 'dbg-compare-same' : report.matches ? 'wb-compare-ok' : 'wb-compare-bad'} data-testid="compare-report">
      <p>
        {sameButRefused ? (
          <strong>No difference in what you pasted, so the cause is elsewhere (above).</strong>
        ) : (
          <>
            <strong>{report.matches ? 'Matches.' : 'Differs.'}</strong> {report.summary}
          </>
        )}
      </p>
      {report.differences.length > 0 && (
        <table className="table dbg-diff">
          <caption className="hint">Differences, component by component</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Expected</th>
              <th scope="col">Ours</th>
            </tr>
          </thead>
          <tbody>
            {report.differences.map((difference, index) => (
              <tr key={index}>
                <td>
                  {difference.component}
                  {difference.hint && <p className="hint">{difference.hint}</p>}
                </td>
                <td>
                  <code>{difference.expected}</code>
                </td>
                <td>
                  <code>{difference.actual}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
