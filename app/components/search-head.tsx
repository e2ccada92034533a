import type { ReactNode } from "react";
import "./search-head.css";

/**
 * The head of a page people search (contests, designers): the title and lead beside one search
 * box that posts `q` with its form (a plain GET form: works without JavaScript). The page's own
 * filters and results go in a {@link SearchLayout} below it.
 */
export function SearchHead({
  id,
  title,
  lead,
  label,
  placeholder,
  submit,
  value,
}: {
  id: string;
  title: string;
  lead: string;
  label: string;
  placeholder: string;
  submit: string;
  value: string;
}) {
  return (
    <header className="search-head">
      <div>
        <h1>{title}</h1>
        <p className="lead">{lead}</p>
      </div>
      <div className="search-head__box">
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <input
          id={id}
          className="input search-head__input"
          type="search"
          name="q"
          defaultValue={value}
          key={value}
          placeholder={placeholder}
          autoComplete="off"
        />
        <button type="submit" className="btn btn--primary">
          {submit}
        </button>
      </div>
    </header>
  );
}

/** Filters in a column beside the results on wide screens, above them on a phone. */
export function SearchLayout({ children }: { children: ReactNode }) {
  return <div className="search-layout">{children}</div>;
}
