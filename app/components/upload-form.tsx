import { Form } from "@remix-run/react";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { t } from "~/i18n";

/**
 * An upload form that works without JavaScript (a plain multipart POST), and with it shows the bytes
 * travelling: the file goes by XMLHttpRequest (fetch has no upload progress) to a JSON endpoint, and
 * the page moves on to the entry, where a shimmering placeholder waits for the preview.
 */
export function UploadForm({
  action,
  apiAction,
  buttonLabel,
  error,
  children,
}: {
  action: string;
  apiAction: string;
  buttonLabel: string;
  error?: string | null;
  children?: ReactNode;
}) {
  const [fileName, setFileName] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    const form = event.currentTarget;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiAction);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const body = xhr.response as { ok?: boolean; location?: string; message?: string } | null;
      if (xhr.status < 300 && body?.location) {
        window.location.assign(body.location);
        return;
      }
      setProgress(null);
      setClientError(body?.message ?? t("entries.submit.failed"));
    };
    xhr.onerror = () => {
      setProgress(null);
      setClientError(t("entries.submit.failed"));
    };
    setClientError(null);
    setProgress(0);
    xhr.send(new FormData(form));
  }

  const shownError = clientError ?? error ?? null;
  return (
    <Form method="post" action={action} encType="multipart/form-data" className="form" onSubmit={onSubmit}>
      <div className="field">
        <span className="field__label" id="file-label">
          {t("entries.submit.file")}
        </span>
        <label
          className={`dropzone${dragging ? " dropzone--over" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const file = e.dataTransfer.files[0];
            if (file && inputRef.current) {
              const transfer = new DataTransfer();
              transfer.items.add(file);
              inputRef.current.files = transfer.files;
              setFileName(file.name);
            }
          }}
        >
          <input
            ref={inputRef}
            type="file"
            name="file"
            accept="image/jpeg,image/png,image/webp"
            required
            aria-labelledby="file-label"
            aria-describedby={shownError ? "upload-error" : undefined}
            aria-invalid={shownError ? true : undefined}
            className="dropzone__input"
            onChange={(e) => setFileName(e.currentTarget.files?.[0]?.name ?? null)}
          />
          <span aria-hidden="true" className="dropzone__icon">
            ↑
          </span>
          <span>{fileName ? t("entries.submit.chosen", { name: fileName }) : t("entries.submit.drop")}</span>
        </label>
        {shownError ? (
          <p className="field__error" id="upload-error" role="alert">
            {shownError}
          </p>
        ) : null}
      </div>
      {children}
      {progress !== null ? (
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress}
        >
          <span className="progress__bar" style={{ width: `${progress}%` }} />
          <span className="progress__label">{t("entries.submit.uploading", { percent: progress })}</span>
        </div>
      ) : null}
      <div>
        <button type="submit" className="btn btn--primary" disabled={progress !== null}>
          {buttonLabel}
        </button>
      </div>
    </Form>
  );
}
