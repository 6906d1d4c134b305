import * as React from 'react';
import { Field } from '@fluentui/react-components';

/**
 * A labelled file input that hands over the chosen file and clears itself, so choosing the same file
 * again (after fixing it) is read again.
 */
export function FilePicker(props: { label: string; hint?: string; accept: string; disabled?: boolean; onFile: (file: File) => void }): React.ReactElement {
  return (
    <Field label={props.label} hint={props.hint}>
      {(control) => (
        <input
          {...control}
          type="file"
          accept={props.accept}
          disabled={props.disabled}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onFile(file);
            e.target.value = '';
          }}
        />
      )}
    </Field>
  );
}
