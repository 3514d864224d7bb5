package dev.loopbacklab.web.pages;

import dev.loopbacklab.lesson.Lesson;
import dev.loopbacklab.lesson.LessonCatalog;
import dev.loopbacklab.lesson.WorkshopPlan;
import dev.loopbacklab.web.room.Workshop;
import dev.loopbacklab.web.tuning.RawPage;
import dev.loopbacklab.web.view.AgendaPage;
import dev.loopbacklab.web.view.FacilitatorPage;
import dev.loopbacklab.web.view.HandoutPage;
import dev.loopbacklab.web.view.MessagePage;
import dev.loopbacklab.web.view.Models;
import dev.loopbacklab.web.view.PresenterPage;
import dev.loopbacklab.web.view.SpeakerPage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;

/**
 * The pages for teaching from the lab, registered in one place: the agenda of a workshop plan, a
 * lesson's presenter view and speaker window, the learner handout and the facilitator printout.
 *
 * <p>While the lab serves a room, the pages that carry facilitator notes or answers (presenter,
 * speaker, facilitator printout) answer only requests from this machine itself — the teacher's own
 * browser — and are "not found" for the room's visitors. Rendered on each request: a teacher opens
 * them a few times, and plans are arbitrary lists.
 */
final class TeachingPages {
    private final PageService pages;

    TeachingPages(PageService pages) {
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        Handler agenda = this::agenda;
        Handler handout = ctx -> handout(ctx, false);
        Handler facilitator = ctx -> handout(ctx, true);
        Handler present = ctx -> lessonView(ctx, false);
        Handler speaker = ctx -> lessonView(ctx, true);
        routes.get("/agenda", agenda).head("/agenda", agenda);
        routes.get("/handout", handout).head("/handout", handout);
        routes.get("/facilitator", facilitator).head("/facilitator", facilitator);
        routes.get("/lessons/{id}/present", present).head("/lessons/{id}/present", present);
        routes.get("/lessons/{id}/speaker", speaker).head("/lessons/{id}/speaker", speaker);
    }

    private void agenda(Context ctx) throws Exception {
        WorkshopPlan plan = plan(ctx);
        if (plan != null) {
            send(ctx, AgendaPage.render(TeachingViews.agenda(plan), pages.chrome()));
        }
    }

    private void handout(Context ctx, boolean facilitator) throws Exception {
        if (facilitator && !isTeacher(ctx)) {
            ErrorPages.notFound(ctx, pages.chrome());
            return;
        }
        WorkshopPlan plan = plan(ctx);
        if (plan == null) {
            return;
        }
        Models.HandoutView view =
                TeachingViews.handout(
                        plan, facilitator, pages::panel, PageService::handedOutScripts);
        send(
                ctx,
                facilitator
                        ? FacilitatorPage.render(view, pages.chrome())
                        : HandoutPage.render(view, pages.chrome()));
    }

    private void lessonView(Context ctx, boolean speaker) throws Exception {
        LessonCatalog catalog = pages.catalog();
        Lesson lesson = catalog.find(ctx.pathParam("id")).orElse(null);
        if (lesson == null || !isTeacher(ctx)) {
            ErrorPages.notFound(ctx, pages.chrome());
            return;
        }
        // the presenter page is live (its title may name the lab's address); the speaker's is not
        Models.PresenterView view =
                TeachingViews.presenter(
                        lesson,
                        speaker ? PageService.card(lesson) : PageService.liveCard(lesson),
                        pages::panel);
        if (speaker) {
            send(ctx, SpeakerPage.render(view, pages.chrome()));
            return;
        }
        LivePage page = LivePage.of(PresenterPage.render(view, pages.chrome()));
        RawPage.send(
                ctx,
                page.render(
                        page.isLive() ? Connection.renderedFacts(ctx) : new byte[0],
                        Address.of(ctx)));
    }

    /** The plan the query names (the whole course by default); null after a 400 page. */
    private WorkshopPlan plan(Context ctx) {
        try {
            return WorkshopPlan.parse(
                    ctx.queryParam("plan"), ctx.queryParam("start"), pages.catalog());
        } catch (IllegalArgumentException e) {
            ctx.status(400)
                    .contentType("text/html; charset=utf-8")
                    .result(
                            MessagePage.render(
                                    400,
                                    "This plan cannot be read",
                                    e.getMessage(),
                                    pages.chrome()));
            return null;
        }
    }

    /**
     * Outside a room everyone is the teacher; in a room, only a browser on this machine is (the
     * room's visitors connect from the network).
     */
    private boolean isTeacher(Context ctx) {
        return isTeacher(pages.chrome().roomBanner() != null, ctx.req().getRemoteAddr());
    }

    /** Whether a request from {@code remoteAddress} (an IP literal) may see the teacher's pages. */
    static boolean isTeacher(boolean room, String remoteAddress) {
        return !room || Workshop.thisMachine(remoteAddress);
    }

    private static void send(Context ctx, String html) throws Exception {
        RawPage.send(ctx, html.getBytes(StandardCharsets.UTF_8));
    }
}
