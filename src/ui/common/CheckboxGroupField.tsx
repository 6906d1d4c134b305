import * as React from 'react';
import { Field, FieldContextProvider } from '@fluentui/react-components';
import type { FieldProps } from '@fluentui/react-components';

/**
 * A labelled group of checkboxes where the group, not each box, is what the field is about ("choose at
 * least one theme"): one label, one required mark, one error message. A Fluent Field hands its id and
 * label to every Fluent control inside it, so the boxes are shielded from the Field's context and each
 * keeps its own id and its own label; the group takes the Field's label as its name.
 */
export function CheckboxGroupField({
  className,
  children,
  ...field
}: Omit<FieldProps, 'children'> & { className?: string; children: React.ReactNode }): React.ReactElement {
  return (
    <Field {...field}>
      {(control) => (
        <div
          role="group"
          id={control.id}
          aria-labelledby={control['aria-labelledby']}
          aria-describedby={control['aria-describedby']}
          className={className}
        >
          <FieldContextProvider value={undefined}>{children}</FieldContextProvider>
        </div>
      )}
    </Field>
  );
}
