/** Header pairs as received, in order; values are text (never interpreted). */
export function HeadersTable({ headers, caption }: { headers: readonly (readonly [string, string])[]; caption?: string }) {
  return (
    <table className="table wb-headers">
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={index}>
            <th scope="row">{name}</th>
            <td>
              <code>{value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
