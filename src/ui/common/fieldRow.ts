import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * A row of fields (flex, from the top) with a button among them, such as a row's Remove: the button sits level
 * with the fields' controls, below where their labels are. A vertical Field puts its control under the label's
 * line height and the label's 2 px padding and 2 px margin (spacingVerticalXXS each: @fluentui/react-field,
 * useFieldStyles); aligned to the row's bottom instead, a button dropped to a hint's line.
 */
export const useFieldRowStyles = makeStyles({
  besideControls: { marginTop: `calc(${tokens.lineHeightBase300} + 2 * ${tokens.spacingVerticalXXS})` },
});
