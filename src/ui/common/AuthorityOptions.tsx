// The region's authorities as a select's options, by name, in the domain's order (one list for every form).
import * as React from 'react';
import { AUTHORITIES } from '../../domain';

export function AuthorityOptions(): React.ReactElement {
  return (
    <>
      {AUTHORITIES.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </>
  );
}
