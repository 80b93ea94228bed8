import { shortcutList } from './keys.ts';

/** Every keyboard shortcut, with where it works; shown from the palette or with "?". */
export function ShortcutList() {
  return (
    <div className="shortcut-list">
      <table className="shortcut-table" aria-label="Keyboard shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What it does</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {shortcutList().map((shortcut) => (
            <tr key={`${shortcut.where} ${shortcut.keys.join(' ')}`}>
              <td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' or '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{shortcut.what}</td>
              <td>{shortcut.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
