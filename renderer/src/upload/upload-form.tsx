/**
 * The options of "Build upload…", as `acqmeta submission` takes them: the target, the upload
 * folder (beside the open folder by default) and whether an upload built there before may be
 * replaced. Review asks the backend what the build would do; nothing is written yet.
 */
import { useState, type FormEvent } from 'react';
import { SUBMISSION_FORMATS } from '../../../shared/submission';
import { defaultUploadFolder } from '../../../shared/api-upload';
import { FIRST_TARGET } from './upload-slice';
import { useApp, useAppStore } from '../store';
import { CheckGroup, FieldRow, ModalActions, type CheckText } from '../kit';
import { OutputFolderField } from '../convert';

const REPLACE: CheckText = {
  label: 'Replace an upload built there before',
  hint: 'Off: a folder already there is left as it is, and said so. A folder that is not an upload is never replaced',
};

/** The form; Review asks for the review (the dialog then shows it). */
export function UploadForm({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const root = useApp((s) => s.folder?.root ?? '');
  const asked = store.getState().uploadAsked;
  const [format, setFormat] = useState(asked?.format ?? FIRST_TARGET);
  const [upload, setUpload] = useState(asked?.upload ?? defaultUploadFolder(root));
  const [force, setForce] = useState(asked?.force ?? false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void store.getState().reviewUpload({ format, upload: upload.trim(), force });
  };
  return (
    <form onSubmit={submit}>
      <p>
        The open folder built into a repository’s upload, as <code>acqmeta submission</code> builds it: the metadata
        files, the vendor files byte for byte, an OME-TIFF copy of each image with its channels file, the folder’s own{' '}
        <code>qa_qc/</code> and <code>extras/</code>. It is built beside the upload folder and put in place only when
        whole. The review comes first; the open folder is not changed.
      </p>
      <FieldRow id="upload-target" label="Target">
        {(control) => (
          <select {...control} className="input" value={format} onChange={(event) => setFormat(event.target.value)}>
            {SUBMISSION_FORMATS.map((target) => (
              <option key={target} value={target}>
                {target}
              </option>
            ))}
          </select>
        )}
      </FieldRow>
      <OutputFolderField
        id="upload-folder"
        label="Upload folder"
        value={upload}
        onChange={setUpload}
        hint="An absolute path outside the open folder, where nothing is yet (unless an upload built there before is replaced)."
      />
      <CheckGroup legend="Existing upload" text={REPLACE} checked={force} onChange={setForce} />
      <ModalActions onCancel={onClose}>
        <button type="submit" className="btn btn-primary" disabled={upload.trim() === ''} data-autofocus>
          Review
        </button>
      </ModalActions>
    </form>
  );
}
