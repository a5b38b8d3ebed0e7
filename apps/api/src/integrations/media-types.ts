/** JSON media types read as JSON: plain, and FHIR's (discharge events). */
export const JSON_MEDIA_TYPES = ['application/json', 'application/fhir+json'];
/** HL7 v2 ER7 messages arrive as text. */
export const HL7_MEDIA_TYPES = ['x-application/hl7-v2+er7', 'application/hl7-v2', 'text/plain'];
/** An ADT message is a few kilobytes; anything much larger is not one. */
export const TEXT_BODY_LIMIT = '64kb';

/** The media type of a Content-Type header, lower-case, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}
