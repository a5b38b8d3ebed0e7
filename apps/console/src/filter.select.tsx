import { label as labelOf } from './format';

/** A labelled filter drop-down over an enum, with an "any" choice (empty value). */
export function FilterSelect({ label, value, options, any = 'any', onChange }: { label: string; value: string; options: readonly string[]; any?: string; onChange: (value: string) => void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
