import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode, type FieldError, type ProblemDetails } from '@careloop/contracts';

export class FieldErrorView implements FieldError {
  @ApiProperty({ example: 'members[3].enrollmentDate' }) field!: string;
  @ApiProperty({ example: 'must be a real calendar date written YYYY-MM-DD' }) reason!: string;
}

/** Every error body (RFC 9457, `application/problem+json`), as ProblemDetailsFilter writes it. */
export class ProblemDetailsView implements ProblemDetails {
  @ApiProperty({ example: 'https://careloop.dev/problems/validation_failed' }) type!: string;
  @ApiProperty({ example: 'The request is not valid' }) title!: string;
  @ApiProperty({ type: 'integer', example: 400 }) status!: number;
  @ApiProperty({ example: 'Invalid field(s): reason' }) detail!: string;
  @ApiProperty({ enum: Object.keys(ERROR_CODES), description: 'Stable error code; `status` follows from it.' }) code!: ErrorCode;
  @ApiPropertyOptional({ example: '/cases/case-ccm-0123456789abcdef01234567/pause' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorView], description: 'validation_failed: each failing field and why.' }) errors?: FieldErrorView[];
}
