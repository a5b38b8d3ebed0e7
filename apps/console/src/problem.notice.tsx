import type { ApiProblem } from './api.client';
import { problemText } from './form.kit';

/** A failed load, said plainly (404 and 403 without revealing whether a case exists). */
export function ProblemNotice({ problem, subject }: { problem: ApiProblem; subject?: string }) {
  return (
    <div className="problem" role="alert">
      <p>{problemText(problem, subject)}</p>
    </div>
  );
}
