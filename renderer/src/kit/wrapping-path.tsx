/**
 * A path in code type that wraps only after a slash, so that a narrow column never splits a
 * folder's or a file's name (`resolution.t` / `xt`).
 */
import { Fragment } from 'react';

/** `path` with each part kept whole and a line break allowed after each `/`; its text is the path's. */
export function WrappingPath({ path }: { path: string }) {
  const parts = path.split('/');
  return (
    <code className="wrapping-path">
      {parts.map((part, i) => (
        <Fragment key={i}>
          <span className="wrapping-path-part">{i < parts.length - 1 ? `${part}/` : part}</span>
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </code>
  );
}
