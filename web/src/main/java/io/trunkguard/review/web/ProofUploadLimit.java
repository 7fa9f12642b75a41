package io.trunkguard.review.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A proof file beyond the server's multipart limit is refused before any controller runs (so no controller advice
 * with a selector sees it): on the remediation pages it becomes a clear error on the page instead of an error page.
 * Anything else is handed back unchanged to Spring's default handling (413).
 */
@ControllerAdvice
class ProofUploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, RedirectAttributes redirect) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/reviews/remediations/")) {
            throw e;
        }
        redirect.addFlashAttribute("error", "The attached file is far larger than the 5 MB accepted as proof; nothing was saved. "
                + "Attach a smaller file (a PDF, PNG, JPEG, text or CSV of at most 5 MB) and confirm again.");
        return "redirect:/reviews/remediations";
    }
}
