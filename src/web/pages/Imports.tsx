/**
 * Imports: drop files or folders (or choose them), upload as multipart POST /api/imports, poll the job
 * for progress and per-file results, and list past imports.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { ImportJobView } from '../../app/views.js';
import { api, errorMessage } from '../api/client.js';
import { useAuth } from '../auth.js';
import { DataTable, Empty, ListTable, Notice, PageHeader, StatusBadge } from '../components/ui.js';
import { formatCount, formatInstant, formatInt } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';

const POLL_MS = 1000;

interface Picked {
  file: File;
  path: string;
}

/** Files of a dropped folder, recursively (webkitGetAsEntry), with their relative paths. */
async function filesFromDrop(items: DataTransferItemList): Promise<Picked[]> {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(items)) {
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
  }
  const out: Picked[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      );
      out.push({ file, path: entry.fullPath.replace(/^\//, '') });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
          reader.readEntries(resolve, reject),
        );
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}

const isHidden = (path: string) => path.split('/').some((part) => part.startsWith('.'));

export function ImportsPage() {
  useTitle('Imports');
  const { can } = useAuth();
  const past = useLoad((signal) => api.imports(signal), 'imports');
  const [picked, setPicked] = useState<Picked[]>([]);
  const [dragging, setDragging] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJobView | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, [can.upload]);

  // Poll the current job until it is done or failed.
  const jobId = job?.id;
  const active = job?.status === 'queued' || job?.status === 'running';
  const reloadPast = past.reload;
  useEffect(() => {
    if (!jobId || !active) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.importJob(jobId, controller.signal).then(
        (j) => {
          setJob(j);
          if (j.status !== 'queued' && j.status !== 'running') reloadPast();
        },
        (e: unknown) => {
          if (!controller.signal.aborted) setError(errorMessage(e));
        },
      );
    }, POLL_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [jobId, active, job, reloadPast]);

  async function cancel(j: ImportJobView) {
    if (!window.confirm('Cancel this import? It stops and will not run again; what it stored stays.')) return;
    setError(null);
    try {
      setJob(await api.cancelImport(j.id));
      reloadPast();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const add = (files: Picked[]) => {
    setError(null);
    setPicked((prev) => {
      const seen = new Set(prev.map((p) => p.path));
      return [...prev, ...files.filter((f) => !seen.has(f.path) && !isHidden(f.path))];
    });
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    try {
      const files = e.dataTransfer.items?.length
        ? await filesFromDrop(e.dataTransfer.items)
        : Array.from(e.dataTransfer.files).map((file) => ({ file, path: file.name }));
      add(files);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const fromInput = (list: FileList | null) => {
    if (!list) return;
    add(Array.from(list).map((file) => ({ file, path: file.webkitRelativePath || file.name })));
  };

  const upload = async () => {
    setUploading(true);
    setError(null);
    try {
      const files = picked.map((p) =>
        p.path === p.file.name ? p.file : new File([p.file], p.path, { type: p.file.type }),
      );
      const j = await api.upload(files);
      setJob(j);
      setPicked([]);
      if (fileInput.current) fileInput.current.value = '';
      if (folderInput.current) folderInput.current.value = '';
      past.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  const totalBytes = picked.reduce((n, p) => n + p.file.size, 0);

  return (
    <>
      <PageHeader title="Imports" />
      {can.upload ? (
        <section className="card" aria-labelledby="upload-title">
          <h2 id="upload-title">Import clinic exports</h2>
          <p className="lead">
            DICOM RT records, AlignRT logs and reports, record-and-verify CSV, orders and signatures, FHIR,
            HL7 and authorizations. The files are recognised by their content.
          </p>
          <div
            className={`dropzone${dragging ? ' dragging' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => void onDrop(e)}
          >
            <p>Drop files or folders here, or</p>
            <div className="dropzone-inputs">
              <div className="field">
                <label htmlFor="import-files">Choose files</label>
                <input
                  id="import-files"
                  ref={fileInput}
                  type="file"
                  multiple
                  onChange={(e) => fromInput(e.target.files)}
                />
              </div>
              <div className="field">
                <label htmlFor="import-folder">Choose a folder</label>
                <input
                  id="import-folder"
                  ref={folderInput}
                  type="file"
                  multiple
                  onChange={(e) => fromInput(e.target.files)}
                />
              </div>
            </div>
          </div>
          <div className="upload-bar">
            <span aria-live="polite">
              {picked.length
                ? `${formatInt(picked.length)} file${picked.length === 1 ? '' : 's'} selected (${formatInt(Math.ceil(totalBytes / 1024))} KB)`
                : 'No files selected'}
            </span>
            <button
              type="button"
              className="primary"
              disabled={!picked.length || uploading}
              onClick={() => void upload()}
            >
              {uploading ? 'Uploading…' : 'Upload and import'}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!picked.length || uploading}
              onClick={() => setPicked([])}
            >
              Clear selection
            </button>
          </div>
          {picked.length ? (
            <details className="picked">
              <summary>Selected files</summary>
              <ul>
                {picked.map((p) => (
                  <li key={p.path}>{p.path}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <Notice kind="error">{error}</Notice>
        </section>
      ) : null}

      {job ? (
        <JobDetail
          job={job}
          heading="Current import"
          onCancel={can.cancelJobs ? () => void cancel(job) : undefined}
        />
      ) : null}

      <section aria-labelledby="past-title">
        <h2 id="past-title">Past imports</h2>
        <Notice kind="error">{past.error}</Notice>
        <ListTable
          items={past.data}
          loading={past.loading}
          what="imports"
          empty={<Empty title="No imports yet" />}
          caption="Past imports, newest first"
          columns={['Started', 'Status', { label: 'Files', num: true }, 'Result', 'Details']}
          row={(j) => (
            <tr key={j.id} aria-current={job?.id === j.id ? 'true' : undefined}>
              <td>
                <time dateTime={j.createdAt}>{formatInstant(j.createdAt)}</time>
              </td>
              <td>
                <StatusBadge status={j.status} />
              </td>
              <td className="num">{formatInt(j.fileCount)}</td>
              <td>
                {j.status === 'partial' ? `${j.error}. ` : null}
                {j.summary ? summaryText(j) : (j.error ?? '—')}
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => setJob(j)}>
                  Show<span className="visually-hidden"> import of {formatInstant(j.createdAt)}</span>
                </button>
              </td>
            </tr>
          )}
        />
      </section>
    </>
  );
}

function summaryText(j: ImportJobView): string {
  const s = j.summary;
  if (!s) return '';
  return `${formatCount(s.courses, 'course')}, ${formatCount(s.fractions, 'fraction')} (${formatInt(s.byStatus.ready ?? 0)} ready, ${formatInt(
    s.byStatus.downgrade ?? 0,
  )} downgrade, ${formatInt(s.byStatus.hold ?? 0)} hold), ${formatInt(s.unlinked)} unlinked`;
}

function JobDetail({
  job,
  heading,
  onCancel,
}: {
  job: ImportJobView;
  heading: string;
  /** The administrator's "Cancel import" (absent for other roles). */
  onCancel?: (() => void) | undefined;
}) {
  const p = job.progress;
  const running = job.status === 'queued' || job.status === 'running';
  return (
    <section className="card" aria-labelledby="job-title" aria-busy={running}>
      <h2 id="job-title">
        {heading} <StatusBadge status={job.status} />
      </h2>
      <p className="sub">Started {formatInstant(job.createdAt)}</p>
      <div role="status" aria-live="polite" className="job-progress">
        {running && p ? (
          <>
            <label htmlFor="job-progress">
              {p.phase === 'store'
                ? `Storing the re-audited courses: ${formatInt(p.done)} of ${formatInt(p.total)}`
                : `Reading files: ${formatInt(p.done)} of ${formatInt(p.total)}`}
              {p.file ? ` — ${p.file}` : ''}
            </label>
            <progress id="job-progress" max={Math.max(1, p.total)} value={p.done} />
          </>
        ) : null}
        {running && !p ? <p>Waiting for the import to start…</p> : null}
        {job.status === 'done' ? <p>Import finished. {summaryText(job)}.</p> : null}
        {job.status === 'partial' ? (
          <p className="notice notice-warning">
            Import finished in part: {job.error}. {summaryText(job)}. The refused files are listed below with
            their problems; correct them and upload them again.
          </p>
        ) : null}
        {job.status === 'failed' ? (
          <p className="notice notice-error">Import failed: {job.error ?? 'unknown error'}</p>
        ) : null}
        {job.status === 'cancelled' ? (
          <p className="notice notice-warning">Import {job.error ?? 'cancelled'}.</p>
        ) : null}
      </div>
      {running && onCancel ? (
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel import
        </button>
      ) : null}
      {job.files.length ? (
        <DataTable
          className="compact"
          caption="Results per file"
          columns={['File', 'Format', 'Result', { label: 'Records', num: true }, 'Problems']}
        >
          {job.files.map((f, i) => (
            <tr key={`${f.name}-${i}`}>
              <th scope="row" className="file-name">
                {f.name}
              </th>
              <td>{f.format}</td>
              <td>
                <StatusBadge status={f.status} />
              </td>
              <td className="num">{formatInt(f.records)}</td>
              <td>
                {f.problems.length ? (
                  <ul className="problems">
                    {f.problems.map((pr, j) => (
                      <li key={j}>
                        {pr.location ? <code>{pr.location}</code> : null} {pr.message}
                      </li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
