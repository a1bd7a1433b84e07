import type { errors as english } from '../en/errors.ts'
import type { Translation } from '../Translation.ts'

export const errors: Translation<typeof english> = {
  bad_request: 'Göndərilən məlumatın bir hissəsi yanlışdır.',
  unauthenticated: 'Əvvəlcə daxil olun.',
  forbidden: 'Bunu etməyə icazəniz yoxdur.',
  not_found: 'Tapılmadı və ya artıq etibarlı deyil (istifadə olunub və ya vaxtı bitib).',
  conflict: 'Bu, mövcud məlumatla ziddiyyət təşkil edir (məsələn, login artıq tutulub).',
  too_large: 'Sorğu çox böyükdür.',
  unsupported_media_type: 'Sorğu JSON kimi göndərilməyib.',
  rate_limited: 'Həddindən çox cəhd; bir az sonra yenidən cəhd edin.',
  internal: 'Serverdə xəta baş verdi.',
  unknown: 'Xəta baş verdi; yenidən cəhd edin.',
  unreachable: 'Serverlə əlaqə qurmaq mümkün olmadı. Yenidən cəhd edin.',
}
