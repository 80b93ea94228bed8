import { BodyFolderList, useBodyFolderCount } from './BodyFolderList.tsx';

/**
 * The allowed folders under the file editors, folded: what "Allow this
 * folder…" and the Open dialog added can be taken back where it was given.
 */
export function AllowedFolders() {
  const count = useBodyFolderCount();
  return (
    <details className="wb-allowed-folders">
      <summary>Folders request bodies may read ({count ?? 0})</summary>
      <BodyFolderList />
      <p className="hint">Never read, whatever is allowed: Countersign&apos;s data folder and secret stores such as ~/.ssh, ~/.gnupg and ~/.aws.</p>
    </details>
  );
}
