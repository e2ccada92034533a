import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import { useHydrated } from "./time";
import "./upload-form.css";

/**
 * An upload form that works without JavaScript (a plain multipart POST), and with it shows the
 * chosen image at once (from a local object URL, nothing sent yet) and the bytes travelling: the file
 * goes by XMLHttpRequest (fetch has no upload progress) to a JSON endpoint, and the page moves on to
 * the entry, where a shimmering placeholder waits for the preview.
 */

/** Images a browser shows from a local file; anything else is named, not previewed. */
const PREVIEWABLE = new Set(["image/jpeg", "image/png", "image/webp"]);
export function UploadForm({
  action,
  apiAction,
  buttonLabel,
  error,
  children,
  id = "upload",
  accept = "image/jpeg,image/png,image/webp",
  fileLabel,
  dropLabel,
  chosenLabel,
  previewLabel,
  uploadingLabel,
  failedLabel: failedText,
  maxBytes,
  tooLargeLabel,
  compact = false,
}: {
  action: string;
  apiAction: string;
  buttonLabel: string;
  error?: string | null;
  children?: ReactNode;
  /** Prefix of the form's element ids (several upload forms may share a page). */
  id?: string;
  accept?: string;
  fileLabel?: string;
  dropLabel?: string;
  chosenLabel?: (name: string) => string;
  /** Alt text of the chosen image's preview. */
  previewLabel?: (name: string) => string;
  uploadingLabel?: (percent: number) => string;
  failedLabel?: string;
  /** Checked in the browser before sending (the server's cap is the safety net, not the message). */
  maxBytes?: number;
  tooLargeLabel?: string;
  compact?: boolean;
}) {
  const t = useT();
  const hydrated = useHydrated();
  const failedLabel = failedText ?? t("entries.submit.failed");
  const [fileName, setFileName] = useState<string | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // Each chosen image gets an object URL; the previous one is released, and the last on leaving.
  useEffect(() => {
    if (!previewUrl) return;
    return () => URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);

  function choose(file: File | undefined) {
    setFileName(file?.name ?? null);
    setPreviewUrl(file && PREVIEWABLE.has(file.type) ? URL.createObjectURL(file) : null);
    setClientError(null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    const form = event.currentTarget;
    const chosen = inputRef.current?.files?.[0];
    if (maxBytes !== undefined && chosen && chosen.size > maxBytes) {
      setClientError(tooLargeLabel ?? failedLabel);
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiAction);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    // Every byte is sent: the bar ends full while the server answers (the last progress event may
    // have come before the end).
    xhr.upload.onload = () => setProgress(100);
    xhr.onload = () => {
      const body = xhr.response as { ok?: boolean; location?: string; message?: string } | null;
      if (xhr.status < 300 && body?.location) {
        window.location.assign(body.location);
        return;
      }
      setProgress(null);
      setClientError(body?.message ?? failedLabel);
    };
    xhr.onerror = () => {
      setProgress(null);
      setClientError(failedLabel);
    };
    setClientError(null);
    setProgress(0);
    xhr.send(new FormData(form));
  }

  const shownError = clientError ?? error ?? null;
  return (
    <Form
      method="post"
      action={action}
      encType="multipart/form-data"
      className={compact ? "form form--compact" : "form"}
      onSubmit={onSubmit}
      id={id}
    >
      <div className="field">
        <span className="field__label" id={`${id}-file-label`}>
          {fileLabel ?? t("entries.submit.file")}
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
              choose(file);
            }
          }}
        >
          <input
            ref={inputRef}
            type="file"
            name="file"
            accept={accept}
            required
            aria-labelledby={`${id}-file-label`}
            aria-describedby={shownError ? `${id}-error` : undefined}
            aria-invalid={shownError ? true : undefined}
            className="dropzone__input visually-hidden"
            onChange={(e) => choose(e.currentTarget.files?.[0])}
          />
          {previewUrl && fileName ? (
            <img
              className="dropzone__preview"
              src={previewUrl}
              alt={previewLabel ? previewLabel(fileName) : t("entries.submit.previewAlt", { name: fileName })}
              // Not an image the browser can read after all (the server will say what it is).
              onError={() => setPreviewUrl(null)}
            />
          ) : (
            <span aria-hidden="true" className="dropzone__icon">
              ↑
            </span>
          )}
          <span>
            {fileName
              ? chosenLabel
                ? chosenLabel(fileName)
                : t("entries.submit.chosen", { name: fileName })
              : (dropLabel ?? t("entries.submit.drop"))}
          </span>
          {/* Without JavaScript nothing names the chosen file: the stylesheet shows this once one is. */}
          {hydrated ? null : <span className="dropzone__picked">{t("upload.picked")}</span>}
        </label>
        {shownError ? (
          <p className="field__error" id={`${id}-error`} role="alert">
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
          <span className="progress__label">
            {uploadingLabel ? uploadingLabel(progress) : t("entries.submit.uploading", { percent: progress })}
          </span>
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
