import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CheckResult, Readiness } from './readiness.service';

class CheckResultView implements CheckResult {
  @ApiProperty({ enum: ['ok', 'fail'] }) status!: 'ok' | 'fail';
  @ApiProperty() latencyMs!: number;
  @ApiPropertyOptional({ description: 'Why it failed (or what was seen), without PHI.' }) detail?: string;
}

class ReadinessChecksView {
  @ApiProperty({ type: CheckResultView }) postgres!: CheckResultView;
  @ApiProperty({ type: CheckResultView }) temporal!: CheckResultView;
  @ApiProperty({ type: CheckResultView }) worker!: CheckResultView;
}

/** `GET /health/ready`, on 200 and on 503 alike. */
export class ReadinessView implements Readiness {
  @ApiProperty({ enum: ['ok', 'fail'] }) status!: 'ok' | 'fail';
  @ApiProperty({ type: ReadinessChecksView }) checks!: ReadinessChecksView;
}

export class LivenessView {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}
